// Identifiers (order numbers, uuids, amounts, JSON) keep their left-to-right
// order inside Arabic text. <bdi> isolates them from the surrounding direction.
import type { ComponentProps } from "react";

export function Ltr(props: ComponentProps<"bdi">) {
  return <bdi dir="ltr" translate="no" data-identifier="" {...props} />;
}
