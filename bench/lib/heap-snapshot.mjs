// Where a process's heap grew between two V8 heap snapshots: objects grouped by constructor (closures by function
// name, strings and arrays by kind), with the count and bytes each group gained per connection opened in between.
import { table } from './report.mjs';

/** Count and self size of the heap's objects, grouped. */
export function summarizeHeap(snapshotText) {
  const { snapshot, nodes, strings } = JSON.parse(snapshotText);
  const fields = snapshot.meta.node_fields;
  const [typeNames] = snapshot.meta.node_types;
  const width = fields.length;
  const at = (field) => fields.indexOf(field);
  const [typeField, nameField, sizeField] = [at('type'), at('name'), at('self_size')];
  const groups = new Map();
  for (let offset = 0; offset < nodes.length; offset += width) {
    const type = typeNames[nodes[offset + typeField]];
    const key = type === 'object' || type === 'closure' ? `${type} ${strings[nodes[offset + nameField]]}` : `(${type})`;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += nodes[offset + sizeField];
    groups.set(key, group);
  }
  return groups;
}

/** The groups that grew most from `before` to `after`, per connection, as markdown. */
export function heapGrowthMarkdown(before, after, connections, top = 25) {
  const growth = [...after].map(([key, { count, bytes }]) => {
    const previous = before.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: (count - previous.count) / connections, bytes: (bytes - previous.bytes) / connections };
  });
  const total = growth.reduce((sum, entry) => sum + entry.bytes, 0);
  return [
    `Heap growth per connection (V8 heap snapshots before and after ${connections} connections): ${Math.round(total)} bytes of JS objects' own size.`,
    '',
    table(
      ['objects (constructor or kind)', 'objects per connection', 'bytes per connection'],
      growth
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, top)
        .map((entry) => [`\`${entry.key}\``, entry.count.toFixed(2), Math.round(entry.bytes)]),
    ),
  ].join('\n');
}
