import type { Problem } from '../../api/catalog-types.js';

/** The problems of one file. */
export interface FileProblems {
  file: string;
  problems: Problem[];
}

/** The problems of one location, file by file. */
export interface LocationProblems {
  location: Problem['location'];
  files: FileProblems[];
  count: number;
}

/** Groups problems by location, then by file, keeping the order the server gave (file order). */
export function groupProblems(problems: Problem[]): LocationProblems[] {
  const locations = new Map<string, LocationProblems>();
  for (const problem of problems) {
    let location = locations.get(problem.location.id);
    if (!location) {
      location = { location: problem.location, files: [], count: 0 };
      locations.set(problem.location.id, location);
    }
    let file = location.files.find((f) => f.file === problem.file);
    if (!file) {
      file = { file: problem.file, problems: [] };
      location.files.push(file);
    }
    file.problems.push(problem);
    location.count += 1;
  }
  for (const location of locations.values()) {
    for (const file of location.files) file.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  return [...locations.values()];
}
