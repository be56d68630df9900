/**
 * The test environment of the real PDD (`TEST_COST_ENV` in helpers/pdd-venv.ts) as the pytest PDD starts sees it:
 * langsmith's pytest plugin is not loaded, pytest-cov (PDD's `--cov`) still is. Real venv, real pytest.
 */
import { execFile } from 'node:child_process'
import { expect, it } from 'vitest'
import { describeRealPdd } from './helpers/gate.js'
import { tempDir } from './helpers/git-repo.js'
import { preparePddProject } from './helpers/real-pdd.js'
import { requirePddVenv, TEST_COST_ENV } from './helpers/pdd-venv.js'

/** `python -m pytest -VV` (pytest's version and its registered third-party plugins), as PDD would start it. */
function pytestPlugins(python: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise(resolve => {
    execFile(python, ['-m', 'pytest', '-VV'], { cwd, env, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve(`${stdout}${stderr}${err ? `\n${err.message}` : ''}`)
    )
  })
}

describeRealPdd('the test environment of the real pdd', () => {
  it('pytest loads pytest-cov and not langsmith’s plugin, which it loads without that setting', async () => {
    const venv = requirePddVenv()
    const dir = tempDir()
    const env = preparePddProject(dir, { url: 'http://127.0.0.1:9/v1' })
    expect(env.PYTEST_ADDOPTS).toBe(TEST_COST_ENV.PYTEST_ADDOPTS)
    expect(env.PDD_LLM_ATTRIBUTION).toBe('0')

    const plugins = await pytestPlugins(venv.python, dir, env)
    expect(plugins).toMatch(/registered third-party plugins:[\s\S]*pytest-cov-/)
    expect(plugins).not.toMatch(/langsmith/)
    // The control: the pinned pdd-cli brings langsmith, whose plugin pytest loads unless told not to.
    const { PYTEST_ADDOPTS: _dropped, ...without } = env
    expect(await pytestPlugins(venv.python, dir, without)).toMatch(/langsmith-[\d.]+ at .*pytest_plugin\.py/)
  })
})
