// One job at a time, in the order given: for read-modify-writes of one storage item, and for
// Chrome's single offscreen document, where two at once would lose an entry or throw.
// A job that fails does not stop the ones after it; its own caller sees the failure.
export type SerialQueue = <T>(job: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
