// Loaded with `node --import`: prints the process's peak RSS (KiB) on exit, on stderr, for the benchmark.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`)
})
