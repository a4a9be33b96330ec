import { describe, expect, test } from 'vitest';
import { describeReason, explainEnd } from './explain.js';

describe('why a Slurm job ended', () => {
  test('out of memory, with how much it used of what it asked for', () => {
    expect(explainEnd({ rawState: 'OUT_OF_MEMORY', requestedMemoryMb: 4096, maxRssMb: 4000 })).toBe(
      'Out of memory: it used 3.9 GB of the 4 GB it asked for and was stopped. Ask for more memory (resources.memoryMb), e.g. 5 GB.',
    );
    expect(explainEnd({ rawState: 'OUT_OF_MEMORY', requestedMemoryMb: 4096, maxRssMb: null })).toBe(
      'Out of memory: it needed more than the 4 GB it asked for and was stopped. Ask for more memory (resources.memoryMb).',
    );
  });

  test('out of memory as jobacct_gather reports it: FAILED by signal 9, the numbers from stderr', () => {
    const text = explainEnd({
      rawState: 'FAILED',
      reason: 'JobLaunchFailure',
      signal: 9,
      started: true,
      memoryKill: { usedMb: 314.6, limitMb: 50 },
    });
    expect(text).toBe(
      'Out of memory: it used 315 MB of the 50 MB it asked for and was stopped. Ask for more memory (resources.memoryMb), e.g. 512 MB.',
    );
  });

  test('time limit, exit code, signal', () => {
    expect(explainEnd({ rawState: 'TIMEOUT', timeLimitMinutes: 10 })).toMatch(
      /^Hit its time limit of 10 minutes and was stopped\./,
    );
    expect(explainEnd({ rawState: 'TIMEOUT', timeLimitMinutes: 90 })).toMatch(/of 1 hour 30 minutes/);
    expect(explainEnd({ rawState: 'FAILED', exitCode: 3, started: true })).toBe(
      'Exited with code 3: the program reported an error. Its last lines are in the log (stderr).',
    );
    expect(explainEnd({ rawState: 'FAILED', exitCode: 127, started: true })).toMatch(
      /did not find the command/,
    );
    expect(explainEnd({ rawState: 'FAILED', signal: 11, started: true })).toMatch(
      /^Stopped by signal 11 \(SIGSEGV/,
    );
  });

  test('causes outside the job: node failure, preemption, boot failure', () => {
    expect(explainEnd({ rawState: 'NODE_FAIL', node: 'node07' })).toBe(
      'The node it ran on (node07) failed; the job itself was not at fault. Submit it again.',
    );
    expect(explainEnd({ rawState: 'PREEMPTED' })).toMatch(/^Preempted: Slurm stopped it to make room/);
    expect(explainEnd({ rawState: 'BOOT_FAIL' })).toMatch(/failed to boot/);
  });

  test('cancelled, by whom and before it started', () => {
    expect(explainEnd({ rawState: 'CANCELLED', started: true })).toBe('Cancelled.');
    expect(explainEnd({ rawState: 'CANCELLED', cancelledBy: 'ada', started: false })).toBe(
      'Cancelled by ada while it was still waiting in the queue.',
    );
  });

  test('success, and nothing for a job that has not ended', () => {
    expect(explainEnd({ rawState: 'COMPLETED' })).toBe('Finished successfully (exit code 0).');
    expect(explainEnd({ rawState: 'RUNNING' })).toBeUndefined();
  });

  test('why a job waits, in plain words with Slurm’s code', () => {
    expect(describeReason('Resources')).toBe('Waiting for enough free CPUs, memory or GPUs. (Resources)');
    expect(describeReason('PartitionTimeLimit')).toMatch(/will never start/);
    expect(describeReason('QOSMaxJobsPerUserLimit')).toBe(
      'Waiting: a limit of your account or QOS is reached (QOSMaxJobsPerUserLimit).',
    );
    expect(describeReason('SomethingNew')).toBe('Waiting (SomethingNew).');
    expect(describeReason(null)).toBeUndefined();
  });
});
