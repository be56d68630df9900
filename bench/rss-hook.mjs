// Loaded with `node --import`: prints the process's peak RSS (KiB) and CPU (µs) on exit, on stderr, for the
// benchmark when /usr/bin/time is missing (then the CPU of child processes such as git is not counted).
process.on('exit', () => {
  const r = process.resourceUsage()
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${r.maxRSS}\nBENCH_CPU_US=${r.userCPUTime + r.systemCPUTime}\n`)
})
