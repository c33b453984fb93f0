import type { SelectHTMLAttributes } from 'react';
import type { Category } from '../api/types.js';
import { groupName } from '../i18n/group-names.js';
import { useI18n } from '../i18n/i18n.js';

/** Categories grouped as the catalogue groups them (Infrastruktur, Lingkungan, …), in the current language. */
export function CategorySelect({ categories, emptyLabel, ...rest }: { categories: Category[]; emptyLabel: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { pick, lang } = useI18n();
  const groups = new Map<string, Category[]>();
  for (const c of categories) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return (
    <select {...rest}>
      <option value="">{emptyLabel}</option>
      {[...groups].map(([group, cats]) => (
        <optgroup key={group} label={groupName(group, lang)}>
          {cats.map((c) => (
            <option key={c.code} value={c.code}>
              {pick(c.name, c.name_en)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
