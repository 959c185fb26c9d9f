/**
 * The command's entry: runs main() on this process's arguments and streams. Apart from main.ts
 * so that importing main (the tests, the API parity checks) runs nothing; scripts/bundle-cli.mjs
 * bundles this file into dist/cli-bundle.cjs, which dist/cli.js (package.json's bin) runs.
 */
import { main } from './main.js';

main({
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
