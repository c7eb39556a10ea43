"""Pure domain core: schedules, deadlines, periods, working days, statuses. No framework imports."""
