import type { UiScenario } from './driver';

export const PERSISTENCE_SCENARIOS: readonly UiScenario[] = [];
