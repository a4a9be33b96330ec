/** One server-sent event: its type (`message` when unnamed) and its data lines joined by `\n`. */
export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` as it arrives, in chunks cut anywhere, following the WHATWG rules
 * that matter here: `event:` and `data:` fields, comments, and any of CRLF, LF or CR as line ends.
 * @example
 * const parser = new EventStreamParser();
 * parser.push('event: log\ndata: {"text":"hi"}\n\n'); // [{ event: 'log', data: '{"text":"hi"}' }]
 */
export class EventStreamParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  /** Adds text; returns the events it completes. */
  push(text: string): ServerEvent[] {
    this.buffer += text;
    const events: ServerEvent[] = [];
    let start = 0;
    for (;;) {
      const end = nextLineEnd(this.buffer, start);
      if (end === undefined) break;
      const event = this.line(this.buffer.slice(start, end.at));
      if (event !== undefined) events.push(event);
      start = end.next;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** Ends the stream: a CR held back as possibly half a CRLF was a line end after all. */
  end(): ServerEvent[] {
    if (!this.buffer.endsWith('\r')) return [];
    return this.push('\n');
  }

  private line(line: string): ServerEvent | undefined {
    if (line === '') {
      const event =
        this.data.length === 0 ? undefined : { event: this.event || 'message', data: this.data.join('\n') };
      this.event = '';
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return undefined;
  }
}

/** Where the next complete line ends, and where the one after starts; a CR at the very end may be half a CRLF. */
function nextLineEnd(text: string, from: number): { at: number; next: number } | undefined {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') return { at: i, next: i + 1 };
    if (char === '\r') {
      if (i + 1 === text.length) return undefined;
      return { at: i, next: text[i + 1] === '\n' ? i + 2 : i + 1 };
    }
  }
  return undefined;
}

/**
 * The events of a response body, in order, as they arrive.
 * @example for await (const { event, data } of readEvents(response.body)) console.log(event, data);
 */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerEvent> {
  const parser = new EventStreamParser();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    // A last event without its blank line is incomplete, and dropped as the standard says.
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => {});
  }
}
