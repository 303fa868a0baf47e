/**
 * Where the panel trains: this browser, or the training server the studio was opened from (or
 * connected to). Holds the connection, what the server trains on, and the server-run driver.
 */
import { useEffect, useRef, useState } from 'react';
import type { DesignStore } from '../../state/designStore';
import type { TrainingStore } from '../trainingStore';
import { serverLabel, type ServerConnection, type ServerInfo } from './serverApi';
import {
  connectionFromLocation,
  fetchServerInfo,
  saveConnection,
  saveServerChoice,
  storedServerChoice,
} from './serverConnection';
import { createServerTraining, type ServerTraining } from './serverRun';

/** Where a run goes. */
export type TrainTarget = 'browser' | 'server';

/** The panel's view of the server. */
export interface ServerTargetState {
  readonly target: TrainTarget;
  setTarget(target: TrainTarget): void;
  readonly connection: ServerConnection | null;
  /** What the server trains on; null until it answered (or when it cannot be reached). */
  readonly info: ServerInfo | null;
  /** Why the server cannot be used. */
  readonly error: string | null;
  /** e.g. `127.0.0.1:8765 (CPU)`. */
  readonly label: string;
  connect(connection: ServerConnection): void;
  readonly training: ServerTraining;
}

/** The server state of one training panel. */
export function useServerTarget(store: TrainingStore, design: DesignStore): ServerTargetState {
  const [connection, setConnection] = useState<ServerConnection | null>(connectionFromLocation);
  const [info, setInfo] = useState<ServerInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<TrainTarget>(() =>
    storedServerChoice() ? 'server' : 'browser',
  );
  const current = useRef(connection);
  const [training] = useState(() => createServerTraining(store, design, () => current.current));
  useEffect(() => {
    current.current = connection;
  }, [connection]);
  useEffect(() => () => training.dispose(), [training]);
  useEffect(() => {
    if (connection === null) return;
    let live = true;
    fetchServerInfo(connection).then(
      (answer) => {
        if (!live) return;
        setInfo(answer);
        setError(null);
      },
      (reason: unknown) => {
        if (!live) return;
        setInfo(null);
        setError(
          `The training server cannot be used: ${reason instanceof Error ? reason.message : String(reason)}`,
        );
      },
    );
    return () => {
      live = false;
    };
  }, [connection]);
  return {
    target: info ? target : 'browser',
    setTarget(next) {
      saveServerChoice(next === 'server');
      setTarget(next);
    },
    connection,
    info,
    error,
    label: connection ? serverLabel(connection, info) : '',
    connect(next) {
      saveConnection(next);
      setConnection(next);
    },
    training,
  };
}
