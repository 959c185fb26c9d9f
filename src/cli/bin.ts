/**
 * The command's entry: runCli() runs main() on this process's arguments and streams.
 * scripts/bundle-cli.mjs bundles this file into dist/cli-bundle.cjs; dist/cli.cjs (package.json's
 * bin) loads it and calls runCli when it is the script node was started with, as does dist/cli.js
 * (requiring or importing either, as a test does, runs nothing).
 */
import { main } from './main.js';

export function runCli(): void {
  void main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const { decodeBuffer } = await import('../input/read.js');
      return decodeBuffer(Buffer.concat(chunks), '<stdin>').text;
    },
  }).then((code) => {
    process.exitCode = code;
  });
}
