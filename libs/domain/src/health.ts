/** Shape of the readiness report served at /health/ready. */
export type ComponentStatus = 'up' | 'down';

export interface ReadinessReport {
  status: ComponentStatus;
  components: Record<string, { status: ComponentStatus; detail?: string }>;
}
