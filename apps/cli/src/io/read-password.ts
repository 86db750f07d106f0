import { createInterface } from 'node:readline';

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing while the password is typed.
    const rlWithOutput = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    rlWithOutput._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}

/** Reads a password from stdin (scripts) or a hidden prompt (people). */
export async function readPassword(opts: { fromStdin: boolean; confirm: boolean }): Promise<string> {
  if (opts.fromStdin || !process.stdin.isTTY) return readAllStdin();
  const first = await promptHidden('Password: ');
  if (opts.confirm && (await promptHidden('Repeat password: ')) !== first) {
    throw new Error('The two passwords differ');
  }
  return first;
}
