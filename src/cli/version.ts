/** The command's version, printed by `pdd-sync --version`; kept equal to package.json's by `cli.e2e`. */
export const VERSION = '0.1.0'
