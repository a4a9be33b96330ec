import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStreamParser, readEvents, type ServerEvent } from './event-stream.js';

function serialize(events: ServerEvent[], newline: string): string {
  return events
    .map(
      ({ event, data }) =>
        `event: ${event}${newline}${data
          .split('\n')
          .map((line) => `data: ${line}${newline}`)
          .join('')}${newline}`,
    )
    .join('');
}

describe('EventStreamParser', () => {
  it('reads named events, joins data lines, and skips comments and unknown fields', () => {
    const parser = new EventStreamParser();
    const text =
      ': hello\nevent: log\ndata: {"text":"a"}\nid: 3\n\ndata: one\ndata:two\n\nevent: end\ndata: {}\n\n';
    expect(parser.push(text)).toEqual([
      { event: 'log', data: '{"text":"a"}' },
      { event: 'message', data: 'one\ntwo' },
      { event: 'end', data: '{}' },
    ]);
  });

  it('keeps an event cut anywhere until its blank line arrives', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: state\r')).toEqual([]);
    expect(parser.push('\ndata: {"state":"running"}\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'state', data: '{"state":"running"}' }]);
  });

  it('reads the same events however the stream is cut, with any line ending', () => {
    const name = fc.constantFrom('log', 'state', 'end');
    const data = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ':', '{', '\n', '"') });
    fc.assert(
      fc.property(
        fc.array(fc.record({ event: name, data }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (events, newline, cuts) => {
          const text = serialize(events, newline);
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const parser = new EventStreamParser();
          const read: ServerEvent[] = [];
          let from = 0;
          for (const point of [...points, text.length]) {
            read.push(...parser.push(text.slice(from, point)));
            from = point;
          }
          read.push(...parser.end());
          expect(read).toEqual(events);
        },
      ),
    );
  });
});

describe('readEvents', () => {
  it('decodes bytes cut inside a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode('event: log\ndata: {"text":"été"}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 25));
        controller.enqueue(bytes.slice(25));
        controller.close();
      },
    });
    const events: ServerEvent[] = [];
    for await (const event of readEvents(body)) events.push(event);
    expect(events).toEqual([{ event: 'log', data: '{"text":"été"}' }]);
  });
});
