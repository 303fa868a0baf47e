/**
 * "Train on: this browser | server <host> (2× H200 / CPU)", and a small form to connect to a
 * server by URL and token when the studio was not opened from one.
 */
import { useState, type ReactNode } from 'react';
import { parseConnection } from './serverConnection';
import type { ServerTargetState, TrainTarget } from './useServerTarget';

/** The train-target row of the training panel. */
export function ServerTarget(props: { server: ServerTargetState; locked: boolean }): ReactNode {
  const { server, locked } = props;
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const connect = (): void => {
    const parsed = parseConnection(url, token);
    if (typeof parsed === 'string') setProblem(parsed);
    else {
      setProblem(null);
      server.connect(parsed);
    }
  };
  return (
    <div className="train-target" data-testid="train-target-row">
      {server.info ? (
        <label className="train-field">
          <span>Train on</span>
          <select
            data-testid="train-target"
            value={server.target}
            disabled={locked}
            onChange={(e) => server.setTarget(e.currentTarget.value as TrainTarget)}
          >
            <option value="browser">this browser</option>
            <option value="server">server {server.label}</option>
          </select>
        </label>
      ) : (
        <details className="train-server-connect">
          <summary>Train on a server…</summary>
          <p className="muted">
            Start one with <code>pnpm serve</code> and paste the URL it prints (docs/server.md).
          </p>
          <input
            type="url"
            placeholder="http://127.0.0.1:8765/?token=…"
            aria-label="Server URL"
            data-testid="server-url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <input
            type="password"
            placeholder="token (if not in the URL)"
            aria-label="Server token"
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
          />
          <button type="button" data-testid="server-connect" onClick={connect}>
            Connect
          </button>
        </details>
      )}
      {(problem ?? server.error) && (
        <p className="train-warning" data-testid="server-problem">
          {problem ?? server.error}
        </p>
      )}
      {server.target === 'server' && server.info?.torchMessage && (
        <p className="train-warning">{server.info.torchMessage}</p>
      )}
    </div>
  );
}
