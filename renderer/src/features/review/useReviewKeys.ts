/**
 * The review queue's keyboard: M or Enter merge, N not the same, S skip, U or Ctrl/⌘+Z undo,
 * ← → or J K move. Keys typed into a field are the field's; Enter and Space on a focused button
 * or link are that control's (else Enter on 不是同一人 would also merge).
 */
import { useEffect, useRef } from 'react';

export interface ReviewKeyActions {
  merge(): void;
  notSame(): void;
  skip(): void;
  undo(): void;
  previous(): void;
  next(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('button, a, [role="button"]');
}

export function actionOfKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): keyof ReviewKeyActions | null {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if ((event.ctrlKey || event.metaKey) && key === 'z') return 'undo';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (key) {
    case 'm':
    case 'Enter':
      return 'merge';
    case 'n':
      return 'notSame';
    case 's':
      return 'skip';
    case 'u':
      return 'undo';
    case 'ArrowLeft':
    case 'k':
      return 'previous';
    case 'ArrowRight':
    case 'j':
      return 'next';
    default:
      return null;
  }
}

export function useReviewKeys(actions: ReviewKeyActions): void {
  // The latest actions, without re-subscribing on every render.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || isTyping(event.target)) return;
      if ((event.key === 'Enter' || event.key === ' ') && isControl(event.target)) return;
      // An open dialog or dropdown keeps its keys.
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"])')) return;
      const action = actionOfKey(event);
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
