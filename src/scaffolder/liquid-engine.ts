import { type FS, Liquid } from 'liquidjs';

/** Bounds that stop a hostile or broken template. */
export interface RenderBounds {
  /** Longest a single file may take to render, in ms (liquidjs `renderLimit`). */
  renderMs: number;
  /** Largest template text parsed, in characters (liquidjs `parseLimit`). */
  parseChars: number;
  /** Memory a render may allocate, in bytes-ish units (liquidjs `memoryLimit`). */
  memory: number;
}

export const DEFAULT_RENDER_BOUNDS: RenderBounds = {
  renderMs: 2_000,
  parseChars: 2_000_000,
  memory: 64_000_000,
};

const REFUSED = 'templates may not include or render other files';

// liquidjs reads partials through this: with every method refusing, {% include %}, {% render %}
// and {% layout %} cannot reach the disk, whatever path they name.
const noFiles: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => {
    throw new Error(REFUSED);
  },
  readFileSync: () => {
    throw new Error(REFUSED);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

/**
 * A Liquid engine for templates written by others: no file system, no access to the process
 * (its context holds only what we pass), no prototype walking (`ownPropertyOnly`), and bounded
 * parse size, render time and memory.
 * @example await createLiquid().parseAndRender('{{ parameters.name | upcase }}', { parameters })
 */
export function createLiquid(bounds: RenderBounds = DEFAULT_RENDER_BOUNDS): Liquid {
  return new Liquid({
    fs: noFiles,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    ownPropertyOnly: true,
    strictFilters: true,
    cache: false,
    globals: {},
    parseLimit: bounds.parseChars,
    renderLimit: bounds.renderMs,
    memoryLimit: bounds.memory,
  });
}
