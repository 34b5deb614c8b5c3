// database_commands.h -- the authgate-admin commands that work on authgate's database.
#pragma once

#include <string>
#include <vector>

#include "admin/command.h"

namespace authgate::admin {

// Each takes the arguments after its name; USER is an email or a username. Exit 0 on success,
// 1 when refused or not found (one line on stderr), 2 for a usage error.
int user_add_command(const std::vector<std::string>& args, CommandIo& io);
int user_list_command(const std::vector<std::string>& args, CommandIo& io);
int user_show_command(const std::vector<std::string>& args, CommandIo& io);
int user_set_password_command(const std::vector<std::string>& args, CommandIo& io);
int user_disable_command(const std::vector<std::string>& args, CommandIo& io);
int user_enable_command(const std::vector<std::string>& args, CommandIo& io);
int user_delete_command(const std::vector<std::string>& args, CommandIo& io);
int user_verify_email_command(const std::vector<std::string>& args, CommandIo& io);

int group_add_command(const std::vector<std::string>& args, CommandIo& io);
int group_remove_command(const std::vector<std::string>& args, CommandIo& io);
int group_list_command(const std::vector<std::string>& args, CommandIo& io);

int session_list_command(const std::vector<std::string>& args, CommandIo& io);
int session_revoke_command(const std::vector<std::string>& args, CommandIo& io);

int purge_command(const std::vector<std::string>& args, CommandIo& io);
int stats_command(const std::vector<std::string>& args, CommandIo& io);
int check_command(const std::vector<std::string>& args, CommandIo& io);

}  // namespace authgate::admin
