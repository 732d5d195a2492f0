/** Where the streamed export writes: a response, a file, or memory in tests. */
export interface Sink {
  write(text: string): Promise<void>;
}

/** A sink over a writable stream that waits whenever the stream asks it to. */
export function streamSink(stream: NodeJS.WritableStream): Sink {
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        const ok = stream.write(text, (error) => (error ? reject(error) : undefined));
        if (ok) resolve();
        else stream.once('drain', () => resolve());
      }),
  };
}

/** For tests: the file in memory. */
export function memorySink(): Sink & { text(): string } {
  const parts: string[] = [];
  return { write: async (t) => void parts.push(t), text: () => parts.join('') };
}
