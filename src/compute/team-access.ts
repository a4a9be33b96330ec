import type { Principal } from '../auth/index.js';

/** What a team may use, as Keepers set it under `compute.teamLimits`. */
export interface TeamLimit {
  maxActiveJobs?: number;
  /** Partitions (queues) its jobs may go to; all when absent. */
  partitions?: string[];
}

export interface TeamAccessOptions {
  /** Executor → the teams it is offered to; an executor not listed is offered to everyone. */
  executorTeams: Record<string, string[]>;
  teamLimits: Record<string, TeamLimit>;
  defaultMaxActiveJobs: number;
}

/**
 * Who may use which executor and partition, and how many jobs a team may have at once. Keepers
 * may use everything; a member, what one of their teams may.
 */
export class TeamAccess {
  constructor(private readonly options: TeamAccessOptions) {}

  /** Whether a job of `team` (or of nobody's team, null) may run on `executor`. */
  mayUse(executor: string, team: string | null): boolean {
    const teams = this.options.executorTeams[executor];
    return teams === undefined || (team !== null && teams.includes(team));
  }

  /** The executors among `names` that `principal` (a member of `teams`) may choose at all. */
  executorsFor(names: string[], principal: Principal, teams: string[]): string[] {
    if (principal.role === 'keeper') return names;
    return names.filter((name) => this.mayUse(name, null) || teams.some((team) => this.mayUse(name, team)));
  }

  /** The partitions a team's jobs may go to; null when any. */
  partitionsOf(team: string | null): string[] | null {
    return (team !== null && this.options.teamLimits[team]?.partitions) || null;
  }

  /** The partitions someone in `teams` may pick in a form: any team without a restriction opens all. */
  partitionsFor(principal: Principal, teams: string[]): Set<string> | null {
    if (principal.role === 'keeper' || teams.length === 0) return null;
    const lists = teams.map((team) => this.partitionsOf(team));
    if (lists.some((list) => list === null)) return null;
    return new Set(lists.flatMap((list) => list ?? []));
  }

  maxActiveJobs(team: string): number {
    return this.options.teamLimits[team]?.maxActiveJobs ?? this.options.defaultMaxActiveJobs;
  }

  /** For messages: the teams an executor is offered to. */
  teamsOf(executor: string): string[] {
    return this.options.executorTeams[executor] ?? [];
  }
}
