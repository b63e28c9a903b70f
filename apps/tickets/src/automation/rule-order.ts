/** The rules' ids in their new order once `id` moves to `position` (1-based; past the end means last). */
export function movedTo(order: readonly string[], id: string, position: number): string[] {
  const others = order.filter((candidate) => candidate !== id);
  const index = Math.min(Math.max(position, 1), others.length + 1) - 1;
  return [...others.slice(0, index), id, ...others.slice(index)];
}
