import { useEffect, useState } from 'preact/hooks';

export interface Option {
  readonly key: string;
  /** What the input shows once picked. */
  readonly label: string;
  /** A second line telling namesakes apart (a region's path, an indicator's code and unit). */
  readonly detail?: string;
}

interface Props {
  readonly id: string;
  readonly label: string;
  /** The current value as text (the picked option's label). */
  readonly display: string;
  readonly placeholder: string;
  readonly empty: string;
  /** Candidates for what is typed; may be a request to the API. */
  readonly find: (text: string) => Promise<readonly Option[]>;
  readonly onPick: (option: Option) => void;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

const DEBOUNCE_MS = 200;

/** Candidates for the typed text, fetched once typing pauses (the last answer wins). */
function useCandidates(find: Props['find'], text: string, open: boolean): readonly Option[] {
  const [options, setOptions] = useState<readonly Option[]>([]);
  useEffect(() => {
    if (!open || !text.trim()) return setOptions([]);
    let current = true;
    const timer = setTimeout(() => {
      find(text.trim()).then(
        (found) => current && setOptions(found),
        () => current && setOptions([]),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, open]);
  return options;
}

/** The open list of candidates; `options` undefined while closed. */
function Candidates(props: {
  readonly listId: string;
  readonly label: string;
  readonly empty: string;
  readonly options: readonly Option[] | undefined;
  readonly active: number;
  readonly pick: (option: Option) => void;
}) {
  const { listId, options, active } = props;
  return (
    <ul id={listId} role="listbox" aria-label={props.label} hidden={!options}>
      {options?.length === 0 ? (
        <li class="muted" role="option" aria-disabled="true" aria-selected="false">
          {props.empty}
        </li>
      ) : null}
      {options?.map((o, i) => (
        <li
          key={o.key}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'active' : undefined}
          // mousedown, not click: otherwise the input's blur, which closes the list, comes first.
          onMouseDown={(e) => {
            e.preventDefault();
            props.pick(o);
          }}
        >
          <span>{o.label}</span>
          {o.detail ? <span class="muted"> {o.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The keys of the pattern: arrows move, Enter picks (instead of submitting), Escape closes. */
function comboKeys(c: {
  readonly options: readonly Option[];
  readonly active: number;
  readonly open: boolean;
  readonly setActive: (update: (n: number) => number) => void;
  readonly setOpen: (open: boolean) => void;
  readonly pick: (option: Option) => void;
}) {
  return (e: KeyboardEvent) => {
    const count = c.options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      c.setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      c.setActive((n) => (count ? (n + step + count) % count : 0));
    } else if (e.key === 'Enter' && c.open && c.options[c.active]) {
      e.preventDefault();
      c.pick(c.options[c.active]!);
    } else if (e.key === 'Escape' && c.open) {
      e.preventDefault();
      c.setOpen(false);
    }
  };
}

/**
 * A text field with a list of candidates (the ARIA 1.2 combobox pattern): type, move with the
 * arrow keys, Enter or a click picks, Escape closes. Keyboard and screen readers get the same
 * choice the mouse does.
 */
export function DeskCombobox(props: Props) {
  const [text, setText] = useState(props.display);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useCandidates(props.find, text, open);
  useEffect(() => setText(props.display), [props.display]);
  useEffect(() => setActive(0), [options]);
  const listId = `${props.id}-list`;
  const pick = (option: Option) => {
    setText(option.label);
    setOpen(false);
    props.onPick(option);
  };
  const onKeyDown = comboKeys({ options, active, open, setActive, setOpen, pick });
  const expanded = open && text.trim() !== '';
  return (
    <div class="combobox">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && options[active] ? `${listId}-${active}` : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        placeholder={props.placeholder}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <Candidates
        listId={listId}
        label={props.label}
        empty={props.empty}
        options={expanded ? options : undefined}
        active={active}
        pick={pick}
      />
    </div>
  );
}
