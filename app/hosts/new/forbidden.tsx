import { ForbiddenPanel } from "@/components/auth/ForbiddenPanel";

export default function NewHostForbidden() {
  return (
    <ForbiddenPanel
      page="Adding a host"
      role="operator"
      purpose="Adding a host stores how to reach it, including its credentials."
    />
  );
}
