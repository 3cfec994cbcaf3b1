/** Lookups in sorted arrays of offsets, so that matching messages to spans stays O(n log n). */

/** Index of the first element of a sorted array that is ≥ `value`. */
export function lowerBound(sorted: number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sorted[mid]! < value) low = mid + 1
    else high = mid
  }
  return low
}
