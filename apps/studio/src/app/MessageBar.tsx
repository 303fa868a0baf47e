/**
 * The message bar: import refusals, copies, warnings at start. Text only (never HTML), so file
 * contents quoted in a message cannot inject markup.
 */
import type { ReactNode } from 'react';
import { useStores, useUi } from '../state/StoreProvider';

/** Shows the latest message until dismissed. */
export function MessageBar(): ReactNode {
  const stores = useStores();
  const message = useUi((s) => s.message);
  if (!message) return null;
  return (
    <div
      className={`message message-${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="message"
      data-kind={message.kind}
    >
      <span>{message.text}</span>
      <button
        type="button"
        className="close"
        aria-label="Dismiss"
        onClick={() => stores.ui.getState().dismissMessage()}
      >
        ✕
      </button>
    </div>
  );
}
