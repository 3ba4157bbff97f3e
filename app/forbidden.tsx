import { ForbiddenPanel } from "@/components/auth/ForbiddenPanel";

export default function Forbidden() {
  return <ForbiddenPanel page="This page" purpose="Your role does not open it." />;
}
