/**
 * Provides one panel's training store and controller, so components select narrowly and tests
 * can mount isolated instances.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../state/StoreProvider';
import { browserStorage, readBackendChoice } from './backendMemory';
import { createTrainingController, type TrainingController } from './trainingController';
import { createTrainingStore, type TrainingStore, type TrainingStoreState } from './trainingStore';

interface Training {
  readonly store: TrainingStore;
  readonly controller: TrainingController;
}

const TrainingContext = createContext<Training | null>(null);

/** Mounts `children` with a training store and a controller bound to the app's design store. */
export function TrainingProvider(props: { children: ReactNode }): ReactNode {
  const stores = useStores();
  const [training] = useState<Training>(() => {
    const store = createTrainingStore();
    const remembered = readBackendChoice(browserStorage());
    if (remembered !== null) store.getState().setOverride('backend', remembered);
    return { store, controller: createTrainingController(store, stores.design, stores) };
  });
  useEffect(() => () => training.controller.dispose(), [training]);
  return <TrainingContext.Provider value={training}>{props.children}</TrainingContext.Provider>;
}

function useTraining(): Training {
  const training = useContext(TrainingContext);
  if (!training) throw new Error('training components must be used inside <TrainingProvider>');
  return training;
}

/** The training controller (commands to the worker). */
export function useTrainingController(): TrainingController {
  return useTraining().controller;
}

/** The training store's API (for actions). */
export function useTrainingStoreApi(): TrainingStore {
  return useTraining().store;
}

/** Selects from the training store; re-renders only when the selected value changes. */
export function useTrainingState<T>(selector: (s: TrainingStoreState) => T): T {
  return useStore(useTraining().store, selector);
}
