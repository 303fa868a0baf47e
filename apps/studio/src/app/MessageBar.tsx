/**
 * The message bar: import refusals, copies, warnings at start. Text only (never HTML), so file
 * contents quoted in a message cannot inject markup. Information ("…copied.") goes away by itself
 * after {@link INFO_MESSAGE_MS}, unless the pointer rests on it; errors stay until dismissed.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStores, useUi } from '../state/StoreProvider';
import type { Message } from '../state/uiStore';

/** How long an information message stays up. */
export const INFO_MESSAGE_MS = 6000;

/** Shows the latest message: information for a few seconds, errors until dismissed. */
export function MessageBar(): ReactNode {
  const message = useUi((s) => s.message);
  // Keyed by the message, so a new one starts with a fresh timer and hover state.
  return message ? <MessageBox key={message.seq} message={message} /> : null;
}

function MessageBox({ message }: { readonly message: Message }): ReactNode {
  const stores = useStores();
  const [hovered, setHovered] = useState(false);
  const lasts = message.kind === 'info' && !hovered;
  useEffect(() => {
    if (!lasts) return;
    const timer = setTimeout(() => {
      // Dismisses this message only, never a newer one shown meanwhile.
      if (stores.ui.getState().message?.seq === message.seq) stores.ui.getState().dismissMessage();
    }, INFO_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [lasts, message.seq, stores]);
  return (
    <div
      className={`message message-${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="message"
      data-kind={message.kind}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
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
