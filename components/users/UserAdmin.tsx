import { ActionTable } from "@/components/ui/ActionTable";
import { AddUserForm } from "./AddUserForm";
import { UserRow } from "./UserRow";

type User = { name: string; role: string; createdAt: string };

/** Accounts and roles, managed here as `deploylens users …` does: add, change role, reset password, remove. */
export function UserAdmin({ users, self }: { users: User[]; self: string }) {
  return (
    <div className="space-y-4">
      <ActionTable label="Users" testId="user-table" minWidth="min-w-[36rem]" headings={["Name", "Role", "Password"]}>
        {users.map((user) => (
          <UserRow key={user.name} user={user} self={user.name === self} />
        ))}
      </ActionTable>
      <AddUserForm />
    </div>
  );
}
