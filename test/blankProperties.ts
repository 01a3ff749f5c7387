/**
 * The properties of a graph object that hold a blank string, alone or in a
 * list (`_rawData` aside: it is the record as received). A converter stores
 * none: "no value" is no property.
 */
export function blankProperties(graphObject: object): string[] {
  return Object.entries(graphObject)
    .filter(
      ([property, value]) =>
        property !== '_rawData' &&
        (Array.isArray(value) ? value : [value]).some(
          (item) => typeof item === 'string' && item.trim() === '',
        ),
    )
    .map(([property]) => property);
}
