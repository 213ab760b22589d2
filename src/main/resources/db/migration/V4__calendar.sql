-- The Chinese working-day calendar: statutory holidays (法定节假日) and make-up working days (调休上班) per year.
-- Weekdays are working days and weekends are not, unless a row here says otherwise. Admins edit these rows each year
-- when the State Council publishes the next year's schedule.
CREATE TABLE calendar_day (
    id        ${bigint}    NOT NULL PRIMARY KEY,
    cal_date  DATE         NOT NULL,
    kind      VARCHAR(10)  NOT NULL,
    name      VARCHAR(40)  NOT NULL,
    CONSTRAINT uk_calendar_day UNIQUE (cal_date)
);

-- 2023 (国办发明电〔2022〕16号)
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-1, DATE '2023-01-02', 'HOLIDAY', '元旦');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-2, DATE '2023-01-23', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-3, DATE '2023-01-24', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-4, DATE '2023-01-25', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-5, DATE '2023-01-26', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-6, DATE '2023-01-27', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-7, DATE '2023-01-28', 'WORKDAY', '春节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-8, DATE '2023-01-29', 'WORKDAY', '春节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-9, DATE '2023-04-05', 'HOLIDAY', '清明节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-10, DATE '2023-04-23', 'WORKDAY', '劳动节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-11, DATE '2023-05-01', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-12, DATE '2023-05-02', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-13, DATE '2023-05-03', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-14, DATE '2023-05-06', 'WORKDAY', '劳动节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-15, DATE '2023-06-22', 'HOLIDAY', '端午节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-16, DATE '2023-06-23', 'HOLIDAY', '端午节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-17, DATE '2023-06-25', 'WORKDAY', '端午节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-18, DATE '2023-09-29', 'HOLIDAY', '中秋节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-19, DATE '2023-10-02', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-20, DATE '2023-10-03', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-21, DATE '2023-10-04', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-22, DATE '2023-10-05', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-23, DATE '2023-10-06', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-24, DATE '2023-10-07', 'WORKDAY', '国庆节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-25, DATE '2023-10-08', 'WORKDAY', '国庆节调休');
-- 2024 (国办发明电〔2023〕7号)
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-26, DATE '2024-01-01', 'HOLIDAY', '元旦');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-27, DATE '2024-02-04', 'WORKDAY', '春节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-28, DATE '2024-02-12', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-29, DATE '2024-02-13', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-30, DATE '2024-02-14', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-31, DATE '2024-02-15', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-32, DATE '2024-02-16', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-33, DATE '2024-02-18', 'WORKDAY', '春节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-34, DATE '2024-04-04', 'HOLIDAY', '清明节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-35, DATE '2024-04-05', 'HOLIDAY', '清明节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-36, DATE '2024-04-07', 'WORKDAY', '清明节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-37, DATE '2024-04-28', 'WORKDAY', '劳动节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-38, DATE '2024-05-01', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-39, DATE '2024-05-02', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-40, DATE '2024-05-03', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-41, DATE '2024-05-11', 'WORKDAY', '劳动节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-42, DATE '2024-06-10', 'HOLIDAY', '端午节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-43, DATE '2024-09-14', 'WORKDAY', '中秋节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-44, DATE '2024-09-16', 'HOLIDAY', '中秋节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-45, DATE '2024-09-17', 'HOLIDAY', '中秋节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-46, DATE '2024-09-29', 'WORKDAY', '国庆节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-47, DATE '2024-10-01', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-48, DATE '2024-10-02', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-49, DATE '2024-10-03', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-50, DATE '2024-10-04', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-51, DATE '2024-10-07', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-52, DATE '2024-10-12', 'WORKDAY', '国庆节调休');
-- 2025 (国办发明电〔2024〕12号)
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-53, DATE '2025-01-01', 'HOLIDAY', '元旦');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-54, DATE '2025-01-26', 'WORKDAY', '春节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-55, DATE '2025-01-28', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-56, DATE '2025-01-29', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-57, DATE '2025-01-30', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-58, DATE '2025-01-31', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-59, DATE '2025-02-03', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-60, DATE '2025-02-04', 'HOLIDAY', '春节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-61, DATE '2025-02-08', 'WORKDAY', '春节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-62, DATE '2025-04-04', 'HOLIDAY', '清明节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-63, DATE '2025-04-27', 'WORKDAY', '劳动节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-64, DATE '2025-05-01', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-65, DATE '2025-05-02', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-66, DATE '2025-05-05', 'HOLIDAY', '劳动节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-67, DATE '2025-06-02', 'HOLIDAY', '端午节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-68, DATE '2025-09-28', 'WORKDAY', '国庆节调休');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-69, DATE '2025-10-01', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-70, DATE '2025-10-02', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-71, DATE '2025-10-03', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-72, DATE '2025-10-06', 'HOLIDAY', '中秋节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-73, DATE '2025-10-07', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-74, DATE '2025-10-08', 'HOLIDAY', '国庆节');
INSERT INTO calendar_day (id, cal_date, kind, name) VALUES (-75, DATE '2025-10-11', 'WORKDAY', '国庆节调休');
