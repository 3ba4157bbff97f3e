import { ForbiddenPanel } from "@/components/auth/ForbiddenPanel";

export default function EditHostForbidden() {
  return (
    <ForbiddenPanel
      page="Editing a host"
      role="operator"
      purpose="Editing a host changes how it is reached, including its credentials."
    />
  );
}
