// The docs' contract, typed from the server's own TypeBox schemas (types only).
import type { Type } from 'typebox';
import type {
  DocsPage as DocsPageSchema,
  DocsProblemPage,
  DocsSourceList,
  GuideProgress as GuideProgressSchema,
  MyGuideList,
  StaleGuideList,
} from '../../../src/docs/schemas.js';

export type DocsPageData = Type.Static<typeof DocsPageSchema>;
export type DocsSources = Type.Static<typeof DocsSourceList>;
export type DocsSourceData = DocsSources['items'][number];
export type DocsNavItem = DocsSourceData['nav'][number];
export type GuideProgress = Type.Static<typeof GuideProgressSchema>;
export type MyGuides = Type.Static<typeof MyGuideList>;
export type StaleGuides = Type.Static<typeof StaleGuideList>;
export type DocsProblems = Type.Static<typeof DocsProblemPage>;
export type DocsProblemData = DocsProblems['items'][number];
