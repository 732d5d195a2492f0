import { appendFileSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Sink } from './export-sink';
import { type GraphRelationship, jsonRelationship, sortRelationships } from './graph-format';
import { compare } from './graph-values';

/**
 * The streamed export's relationships, kept on disk until the nodes are written: the file lists
 * them after all nodes, by type, so each page's are appended to a file of their type (each
 * from-node's in order, pages in from order) and copied out type by type at the end.
 */
export class RelationshipSpool {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-export-'));
  private readonly files = new Map<string, string>();
  private written = 0;

  /** How many relationships were spooled. */
  get count(): number {
    return this.written;
  }

  /** One page's relationships, appended to their types' files in the file's order. */
  append(relationships: readonly GraphRelationship[]): void {
    const byType = new Map<string, GraphRelationship[]>();
    for (const r of relationships) {
      if (!byType.has(r.type)) byType.set(r.type, []);
      byType.get(r.type)!.push(r);
    }
    for (const [type, list] of byType) {
      if (!this.files.has(type))
        this.files.set(type, path.join(this.dir, `${this.files.size}.jsonl`));
      appendFileSync(
        this.files.get(type)!,
        `${sortRelationships(list).map(jsonRelationship).join('\n')}\n`,
      );
      this.written += list.length;
    }
  }

  /** The relationships' files, type by type, as the file's last list. */
  async copyTo(sink: Sink): Promise<void> {
    if (this.written === 0) {
      await sink.write('  "relationships": []\n}\n');
      return;
    }
    await sink.write('  "relationships": [\n');
    let first = true;
    for (const [, file] of [...this.files].sort(([a], [b]) => compare(a, b))) {
      let chunk: string[] = [];
      for await (const text of createInterface({
        input: createReadStream(file, 'utf8'),
        crlfDelay: Infinity,
      })) {
        chunk.push(text);
        if (chunk.length >= 1_000) {
          await sink.write(`${first ? '' : ',\n'}${chunk.join(',\n')}`);
          [first, chunk] = [false, []];
        }
      }
      if (chunk.length > 0) await sink.write(`${first ? '' : ',\n'}${chunk.join(',\n')}`);
      if (chunk.length > 0) first = false;
    }
    await sink.write('\n  ]\n}\n');
  }

  /** Removes the files on disk. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
