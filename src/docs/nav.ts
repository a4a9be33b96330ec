import { pageUrl } from './build-source.js';
import type { NavItem } from './schemas.js';

export interface NavPage {
  slug: string;
  title: string;
  type: string;
  nav_order: number | null;
}

interface Folder {
  name: string;
  path: string;
  index: NavPage | null;
  pages: NavPage[];
  folders: Map<string, Folder>;
}

const humanize = (name: string) => {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function folderAt(root: Folder, parts: string[]): Folder {
  let node = root;
  for (const part of parts) {
    let next = node.folders.get(part);
    if (!next) {
      next = {
        name: part,
        path: node.path ? `${node.path}/${part}` : part,
        index: null,
        pages: [],
        folders: new Map(),
      };
      node.folders.set(part, next);
    }
    node = next;
  }
  return node;
}

const orderOf = (page: NavPage | null) => page?.nav_order ?? Number.POSITIVE_INFINITY;

/** The folder tree of a source's pages; a folder's `index.md`/`README.md` is the folder itself. */
function treeOf(pages: NavPage[]): Folder {
  const root: Folder = { name: '', path: '', index: null, pages: [], folders: new Map() };
  for (const page of pages) {
    const parts = page.slug ? page.slug.split('/') : [];
    if (parts.length === 0) root.index = page;
    else {
      const last = parts.pop() as string;
      const parent = folderAt(root, parts);
      const asFolder = parent.folders.get(last);
      if (asFolder) asFolder.index = page;
      else parent.pages.push(page);
    }
  }
  // A page and a folder of the same name: the page is the folder's index.
  const merge = (folder: Folder) => {
    folder.pages = folder.pages.filter((p) => {
      const twin = folder.folders.get(p.slug.split('/').pop() as string);
      if (twin && !twin.index) {
        twin.index = p;
        return false;
      }
      return true;
    });
    for (const child of folder.folders.values()) merge(child);
  };
  merge(root);
  return root;
}

/** The navigation of one source in reading order: pages by `order` then title, each folder after its pages' order. */
export function buildNav(source: string, pages: NavPage[]): NavItem[] {
  const items: NavItem[] = [];
  const root = treeOf(pages);
  if (root.index)
    items.push({
      title: root.index.title,
      url: pageUrl(source, ''),
      type: root.index.type as NavItem['type'],
      depth: 0,
      folder: false,
    });
  const walk = (folder: Folder, depth: number) => {
    type Entry = { order: number; title: string; emit: () => void };
    const entries: Entry[] = [
      ...folder.pages.map((p) => ({
        order: orderOf(p),
        title: p.title,
        emit: () =>
          items.push({
            title: p.title,
            url: pageUrl(source, p.slug),
            type: p.type as NavItem['type'],
            depth,
            folder: false,
          }),
      })),
      ...[...folder.folders.values()].map((f) => {
        const title = f.index?.title ?? humanize(f.name);
        return {
          order: orderOf(f.index),
          title,
          emit: () => {
            items.push({
              title,
              url: f.index ? pageUrl(source, f.path) : null,
              type: (f.index?.type ?? null) as NavItem['type'],
              depth,
              folder: true,
            });
            walk(f, depth + 1);
          },
        };
      }),
    ];
    entries.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
    for (const entry of entries) entry.emit();
  };
  walk(root, 0);
  return items;
}

/** Folders above a page, each with its title and (index page) link. */
export function breadcrumbsOf(source: { key: string; title: string }, slug: string, pages: NavPage[]) {
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  const crumbs: { title: string; url: string | null }[] = [
    { title: source.title, url: pageUrl(source.key, '') },
  ];
  const parts = slug ? slug.split('/') : [];
  for (let i = 1; i < parts.length; i++) {
    const path = parts.slice(0, i).join('/');
    const index = bySlug.get(path);
    crumbs.push({
      title: index?.title ?? humanize(parts[i - 1] as string),
      url: index ? pageUrl(source.key, path) : null,
    });
  }
  return crumbs;
}
