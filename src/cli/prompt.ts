import readline from 'node:readline/promises';

/** Reads a secret from the terminal without echo; from a pipe it reads one line. */
export async function readSecret(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error('no password given on standard input');
  }
  process.stdout.write(question);
  const rl = readline.createInterface({ input: process.stdin, output: undefined, terminal: true });
  const answer = await rl.question('');
  rl.close();
  process.stdout.write('\n');
  return answer;
}
