import { ForbiddenPanel } from "@/components/auth/ForbiddenPanel";

export default function SettingsForbidden() {
  return (
    <ForbiddenPanel
      page="Settings"
      role="admin"
      purpose="Settings hold the audit log, the public links and the retention and webhook settings."
    />
  );
}
