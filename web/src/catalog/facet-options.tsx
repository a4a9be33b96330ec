import type { CatalogFacets, EntityFilters, FacetName } from '../api/catalog-types.js';
import type { FacetOption } from './FacetList.js';
import { kindStyle } from './kinds.js';
import { ownerRef, parseRef } from './refs.js';
import { facetNames } from './use-catalog-url.js';

/** Facet names as the filters show them. */
export const facetTitles: Record<FacetName, string> = {
  kind: 'Kind',
  type: 'Type',
  owner: 'Owner',
  lifecycle: 'Lifecycle',
  tag: 'Tag',
  namespace: 'Namespace',
};

/** Whether any filter or search narrows the list. */
export function hasAnyFilter(filters: EntityFilters): boolean {
  return facetNames.some((name) => filters[name]) || Boolean(filters.q);
}

/** The facets worth showing: a facet with a single value narrows nothing, unless it is chosen. */
export function shownFacets(facets: CatalogFacets | undefined, filters: EntityFilters): FacetName[] {
  return facets ? facetNames.filter((name) => facets[name].length > 1 || filters[name]) : [];
}

/** The value a facet shows as chosen, in the form the facets answer with. */
export function selectedValue(name: FacetName, filters: EntityFilters): string | null {
  const value = filters[name];
  if (!value) return null;
  return name === 'owner' ? ownerRef(value) : value.toLowerCase();
}

/** A facet's values with labels people read: kind names with icons, group titles for owners. */
export function optionsOf(
  name: FacetName,
  facets: CatalogFacets,
  titles: Map<string, string> | undefined,
  selected: string | null,
): FacetOption[] {
  const values = facets[name];
  // A value from a link that matches nothing still shows, with its zero, so it can be cleared.
  const all =
    selected && !values.some((v) => v.value === selected)
      ? [...values, { value: selected, count: 0 }]
      : values;
  return all.map(({ value, count }) => {
    if (name === 'kind') {
      const style = kindStyle(value);
      const Icon = style.icon;
      return {
        value,
        count,
        label: style.label,
        icon: <Icon size={15} stroke={1.8} color={`var(--mantine-color-${style.color}-light-color)`} />,
      };
    }
    if (name === 'owner') return { value, count, label: titles?.get(value) ?? parseRef(value, 'group').name };
    return { value, count, label: value };
  });
}
