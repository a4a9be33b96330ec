import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { JOB_STATES } from '../../extension.js';
import { COMPACT_STATES, mapState, STATE_MAP } from './state-map.js';

// Every job state of Slurm 22.05 (slurm.h and `man squeue`, JOB STATE CODES), base states and flags.
const SLURM_STATES = [
  'PENDING',
  'RUNNING',
  'SUSPENDED',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'OUT_OF_MEMORY',
  'LAUNCH_FAILED',
  'UPDATE_DB',
  'REQUEUED',
  'REQUEUE_HOLD',
  'SPECIAL_EXIT',
  'RESIZING',
  'CONFIGURING',
  'COMPLETING',
  'STOPPED',
  'RECONFIG_FAIL',
  'POWER_UP_NODE',
  'REVOKED',
  'REQUEUE_FED',
  'RESV_DEL_HOLD',
  'SIGNALING',
  'STAGE_OUT',
];

describe('Slurm state map', () => {
  test('maps every Slurm state onto one of Plinth’s', () => {
    for (const name of SLURM_STATES) {
      expect(STATE_MAP, name).toHaveProperty(name);
      expect(JOB_STATES).toContain(mapState(name).state);
    }
    expect(Object.keys(STATE_MAP).sort()).toEqual([...SLURM_STATES].sort());
  });

  test('maps each short code to a state it knows', () => {
    for (const [code, name] of Object.entries(COMPACT_STATES)) {
      expect(mapState(code)).toMatchObject({ rawState: name, known: true });
    }
  });

  test('ends a job only in states where its program has stopped for good', () => {
    expect(mapState('COMPLETING').state).toBe('running');
    expect(mapState('REQUEUED').state).toBe('pending');
    expect(mapState('SUSPENDED').state).toBe('running');
    expect(mapState('OUT_OF_MEMORY').state).toBe('failed');
    expect(mapState('DEADLINE').state).toBe('timeout');
  });

  test('reads sacct’s decorations: who cancelled, a truncated word', () => {
    expect(mapState('CANCELLED by 1000')).toEqual({
      state: 'cancelled',
      rawState: 'CANCELLED',
      cancelledByUid: 1000,
      known: true,
    });
    expect(mapState('CANCELLED+').rawState).toBe('CANCELLED');
  });

  test('keeps polling a state it does not know', () => {
    expect(mapState('WARPING')).toMatchObject({ state: 'pending', known: false, rawState: 'WARPING' });
    expect(mapState('WARPING', true).state).toBe('running');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(JOB_STATES).toContain(mapState(text).state);
      }),
    );
  });
});
