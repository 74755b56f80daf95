// Preloaded into harmony under the PTY tests only (node -r). When a process writes more than a
// few KB and exits at once, Linux can hang up the terminal before the kernel has handed the last
// bytes to node-pty, and node-pty then drops them (microsoft/node-pty#726, #72): under load the
// tests saw a list without its last line. Holding the terminal open 150 ms after harmony is done
// lets every byte arrive; harmony's own code and exit code are untouched.
// Measured on this machine with two busy cores, 60 runs of 20 KB then exit: 10 lost on Node 22
// and 3 on Node 20 without this, none with it.
process.on('exit', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150));
