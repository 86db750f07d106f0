import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A disclosure: Escape or a click elsewhere closes it, focus goes into it
 * when it opens and back to its button when it closes with the keyboard.
 */
export function useDisclosurePanel() {
  const [opened, setOpened] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!opened) return;
    panel.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpened(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [opened]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && opened) {
      setOpened(false);
      button.current?.focus();
    }
  };
  return {
    opened,
    toggle: () => setOpened((o) => !o),
    close: () => setOpened(false),
    root,
    button,
    panel,
    panelId,
    onKeyDown,
  };
}
