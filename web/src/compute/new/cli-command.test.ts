import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { cliCommand, memoryFlag, timeFlag } from './cli-command.js';

/** The words a POSIX shell makes of a command line (sh itself does the parsing). */
function shellWords(line: string): string[] {
  const out = execFileSync('sh', ['-c', `${line.replace(/^plinth job submit/, 'printf "%s\\n"')}`], {
    encoding: 'utf8',
  });
  return out.split('\n').slice(0, -1);
}

describe('cliCommand', () => {
  test('writes a command job as flags, one a line, and the command after --', () => {
    const line = cliCommand({
      name: 'steps',
      executor: 'local',
      command: ['sh', '-c', 'for i in 1 2; do echo "it\'s $i"; done'],
      resources: { cpus: 4, memoryMb: 16_384, timeLimitMinutes: 90 },
      labels: { project: 'alps' },
      team: 'climate',
    });
    expect(line.split('\n')[0]).toBe('plinth job submit \\');
    expect(shellWords(line)).toEqual([
      '--name',
      'steps',
      '--executor',
      'local',
      '--cpus',
      '4',
      '--memory',
      '16G',
      '--time',
      '1h30m',
      '--label',
      'project=alps',
      '--team',
      'climate',
      '--',
      'sh',
      '-c',
      'for i in 1 2; do echo "it\'s $i"; done',
    ]);
  });

  test('sends a script job as a job file in a here-document', () => {
    const spec = { name: 'fit', script: '#!/bin/bash\necho hi\n', options: { timeLimitSeconds: 5 } };
    const line = cliCommand(spec);
    expect(line.startsWith("plinth job submit /dev/stdin <<'PLINTH_JOB'\n")).toBe(true);
    expect(JSON.parse(line.split('\n').slice(1, -1).join('\n'))).toEqual(spec);
  });
});

describe('units', () => {
  test('memory in whole gigabytes, else megabytes', () => {
    expect(memoryFlag(2048)).toBe('2G');
    expect(memoryFlag(1500)).toBe('1500M');
  });
  test('time in minutes, hours, or both', () => {
    expect(timeFlag(30)).toBe('30m');
    expect(timeFlag(240)).toBe('4h');
    expect(timeFlag(90)).toBe('1h30m');
  });
});
