import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/ingest/group-commit.js';

/** A writer that records each group it is given and can be held open, as a slow commit would be. */
function recordingWriter() {
  const groups: number[][][] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const flush = async (submissions: readonly (readonly number[])[]) => {
    groups.push(submissions.map((items) => [...items]));
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    return submissions.map((items) => items.reduce((a, b) => a + b, 0));
  };
  return {
    groups,
    flush,
    holdNext: () => void (hold = true),
    releaseHeld: () => {
      hold = false;
      release?.();
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes submissions that arrive together in one group and answers each with its own result', async () => {
    const writer = recordingWriter();
    const groups = new GroupCommit(writer.flush);
    const answers = await Promise.all([groups.submit([1, 2]), groups.submit([3]), groups.submit([4, 5, 6])]);
    expect(answers).toEqual([3, 3, 15]);
    expect(writer.groups).toEqual([[[1, 2], [3], [4, 5, 6]]]);
    expect(groups.stats).toEqual({ flushes: 1, items: 6, itemsPerFlush: 6 });
  });

  it('gathers what arrives during a running flush into the next one', async () => {
    const writer = recordingWriter();
    const groups = new GroupCommit(writer.flush);
    writer.holdNext();
    const first = groups.submit([1]);
    await settle();
    const later = [groups.submit([2]), groups.submit([3]), groups.submit([4])];
    await settle();
    expect(writer.groups).toEqual([[[1]]]);
    writer.releaseHeld();
    await Promise.all([first, ...later]);
    expect(writer.groups).toEqual([[[1]], [[2], [3], [4]]]);
  });

  it('stops a group at its item limit and sends the rest in the next', async () => {
    const writer = recordingWriter();
    const groups = new GroupCommit(writer.flush, 4);
    await Promise.all([groups.submit([1, 1, 1]), groups.submit([2]), groups.submit([3, 3])]);
    expect(writer.groups).toEqual([[[1, 1, 1], [2]], [[3, 3]]]);
  });

  it('fails every submission of a failed flush and keeps serving the next ones', async () => {
    let fail = true;
    const groups = new GroupCommit<number, string>(async (submissions) => {
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      return submissions.map(() => 'ok');
    });
    const failed = await Promise.allSettled([groups.submit([1]), groups.submit([2])]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await groups.submit([3])).toBe('ok');
  });
});
