import { describe, expect, test } from 'vitest';
import { adapter, ExtensionRegistry, extensionPoint } from './extension.js';

interface Greeter {
  greet(name: string): string;
}
const greeterPoint = extensionPoint<Greeter>('test.greeter');
const english = adapter(greeterPoint, {
  name: 'english',
  description: 'Says hello',
  capabilities: { formal: false },
  create: () => ({ greet: (name) => `Hello ${name}` }),
});

describe('extension registry', () => {
  test('finds an adapter by point and name and builds it', async () => {
    const registry = new ExtensionRegistry().register(english);
    const greeter = await registry
      .get(greeterPoint, 'english')
      .create({ config: {}, logger: undefined as never });
    expect(greeter.greet('Ada')).toBe('Hello Ada');
    expect(registry.describe()).toEqual([
      {
        point: 'test.greeter',
        adapters: [{ name: 'english', description: 'Says hello', capabilities: { formal: false } }],
      },
    ]);
  });

  test('refuses a second adapter with the same name', () => {
    const registry = new ExtensionRegistry().register(english);
    expect(() => registry.register(english)).toThrow(/already registered for test\.greeter/);
  });

  test('a missing adapter names the ones that exist', () => {
    const registry = new ExtensionRegistry().register(english);
    expect(() => registry.get(greeterPoint, 'klingon')).toThrow(
      "No adapter 'klingon' for test.greeter; registered: english",
    );
  });

  test('adapter names must be kebab-case', () => {
    expect(() =>
      adapter(greeterPoint, {
        name: 'Bad Name',
        description: '',
        capabilities: {},
        create: () => english.create as never,
      }),
    ).toThrow(/kebab-case/);
  });
});
