/** A ForgeDoc node as @forge/react's reconciler sends it over the bridge. */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key?: string;
}
