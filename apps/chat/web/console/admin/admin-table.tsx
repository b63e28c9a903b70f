import type { ComponentChild } from 'preact';

/** An administration page's list: a table with a column heading each, or a sentence when there is nothing yet. */
export function AdminTable<Item>({
  items,
  none,
  headings,
  row,
}: {
  /** Undefined while loading: nothing is shown. */
  items: readonly Item[] | undefined;
  none: string;
  headings: readonly string[];
  row(item: Item): ComponentChild;
}) {
  if (!items) return null;
  if (items.length === 0) return <p>{none}</p>;
  return (
    <table class="admin-table">
      <thead>
        <tr>
          {headings.map((heading) => (
            <th scope="col" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{items.map(row)}</tbody>
    </table>
  );
}
