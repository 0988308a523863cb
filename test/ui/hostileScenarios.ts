import type { UiScenario } from './driver';

export const HOSTILE_DATA_SCENARIOS: readonly UiScenario[] = [];
