/** The coordinator's release page of a working group (route in router.tsx). */
export const metricsReleasesPath = (workingGroupId: string) =>
  `/coordination/${workingGroupId}/metrics`;
