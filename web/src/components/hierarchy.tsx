import { useState } from 'preact/hooks';
import type { RegionRef } from '../api/fragments';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/lang';
import { type ChildRegion, CHILDREN, type ChildrenData } from '../pages/region.query';
import { RegionLink } from './links';
import { Loaded } from './status';

/** The units below `code`, one level, each opening its own level on demand. */
function Level({ code }: { readonly code: string }) {
  const [state, retry] = useQuery<ChildrenData>(CHILDREN, { code });
  return (
    <Loaded state={state} retry={retry}>
      {(data) => (
        <ul>
          {(data.region?.children.edges ?? []).map(({ node }) => (
            <Branch key={node.code} region={node} />
          ))}
        </ul>
      )}
    </Loaded>
  );
}

function Branch({ region }: { readonly region: ChildRegion }) {
  const [open, setOpen] = useState(false);
  const count = region.children.totalCount;
  return (
    <li>
      {count > 0 ? (
        <button
          type="button"
          class="toggle"
          aria-expanded={open}
          aria-label={`${region.name} (${count})`}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span class="toggle" aria-hidden="true">
          ·
        </span>
      )}
      <RegionLink region={region} /> <span class="muted">{region.kind}</span>
      {open ? <Level code={region.code} /> : null}
    </li>
  );
}

/**
 * A map-free view of where a region sits: its ancestors down to it, and the units below it,
 * expandable.
 */
export function Hierarchy({
  ancestors,
  region,
}: {
  readonly ancestors: readonly RegionRef[];
  readonly region: RegionRef;
}) {
  const { pick } = useI18n();
  const chain = [...ancestors, region];
  const nest = (i: number): preact.JSX.Element => (
    <ul>
      <li>
        {i === chain.length - 1 ? (
          <span class="current">{pick(region.name, region.nameEn)}</span>
        ) : (
          <RegionLink region={chain[i]!} />
        )}
        {i < chain.length - 1 ? nest(i + 1) : <Level code={region.code} />}
      </li>
    </ul>
  );
  return <div class="tree">{nest(0)}</div>;
}
